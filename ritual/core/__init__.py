"""The pure domain: records and functions, no I/O, no clock, no UI or storage libraries."""

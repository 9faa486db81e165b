"""The pure domain: dataclasses and functions, no I/O, no clock, no UI or storage libraries."""

"""Contacts: vCard and CSV import, matching and merge, outcomes, vCard export, countries."""

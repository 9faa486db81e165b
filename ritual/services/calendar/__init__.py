"""Calendars: .ics export, render, read and import, CalDAV publish, and calendars kept current."""

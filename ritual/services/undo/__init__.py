"""Taking back a change for a few seconds: what it touched is captured first and put back exactly on undo."""

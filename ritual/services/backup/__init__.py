"""Backups: a lossless JSON backup, restore into an empty home, daily rolling backups."""

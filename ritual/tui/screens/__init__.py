"""Screens own their logic: they ask RitualData for what they show and write through it."""

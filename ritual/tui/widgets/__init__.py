"""Reusable widgets: they get data down and post messages up; none of them touches the store."""

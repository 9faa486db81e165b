"""Reminders: the engine, its APScheduler jobs, timer units, and the notifiers that deliver."""

"""Terminal text: how agenda items, friends, reminders, reflections and reports read in 80 columns."""

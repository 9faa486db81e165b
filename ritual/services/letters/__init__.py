"""The ritual before writing: prompt decks, briefing, questions and reflections."""

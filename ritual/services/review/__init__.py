"""The weekly review: one calm pass over what is open, the coming week, supplies and the week's envelopes."""

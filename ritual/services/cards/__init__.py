"""Cards: which card a letter or a command means, its steps, and the letters that move it."""

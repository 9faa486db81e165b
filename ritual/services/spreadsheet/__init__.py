"""Friends, letters and cards as spreadsheet files."""

"""Getting data in and out: the JSON bundle, catalysts CSV, iCalendar."""

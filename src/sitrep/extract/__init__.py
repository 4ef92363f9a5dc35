"""Extract: facts from one report at a time, pure functions of the report and its parse."""

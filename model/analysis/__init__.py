"""What is computed from the records: scorecards, event studies, timeline data, reports."""

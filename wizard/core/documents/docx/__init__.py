"""The DOCX writer: turns document blocks into a Word file (it sees only blocks)."""

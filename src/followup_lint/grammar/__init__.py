"""Grammar services: word forms for the grammar rules (``forms``)."""

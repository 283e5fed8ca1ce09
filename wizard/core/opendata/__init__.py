"""Open data: the OCDS 1.1.5 release package, its documents, milestones and contact
point, the schema checks, and the CSV files."""

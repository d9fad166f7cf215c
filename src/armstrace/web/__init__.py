"""The dashboard's page (templates/) and its scripts, styles and vendored libraries (static/)."""

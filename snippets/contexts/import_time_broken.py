"""A views module that reads config while it is being imported. Importing it
fails."""

from flask import current_app

# --8<-- [start:broken]
# Runs once, when Python imports this module: no request and no app context yet.
PAGE_SIZE = current_app.config.get("PAGE_SIZE", 20)
# --8<-- [end:broken]

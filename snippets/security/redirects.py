"""Validating a `next` parameter with urllib.parse before redirecting to it."""

from urllib.parse import urlsplit

from flask import Flask, redirect, request


# --8<-- [start:check]
def safe_next(target, fallback="/"):
    """Accept only a path on this site: "/orders?page=2" yes, "//evil.example" no."""
    if not target or any(ch == "\\" or ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in target):
        return fallback  # browsers read "\" as "/" and drop tabs and newlines
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/"):
        return fallback  # "https://x", "https:x", "//x", "javascript:..." and "x"
    return target


app = Flask(__name__)


@app.get("/login")
def login():
    return redirect(safe_next(request.args.get("next")))
# --8<-- [end:check]

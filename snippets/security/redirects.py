"""Validating a `next` parameter by the rules browsers use, then redirecting."""

from flask import Flask, redirect, request


# --8<-- [start:check]
def safe_next(target, fallback="/"):
    """Accept only a path on this site.

    "/orders?page=2" yes; "//x", "///x", "/\\x" no.
    """
    # browsers read "\" as "/" and drop tabs, newlines, leading spaces
    if not target or any(
        ch == "\\" or ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in target
    ):
        return fallback
    # one "/" then anything else: no "x", "https:x", "//x" or "////x"
    if not target.startswith("/") or target.startswith("//"):
        return fallback
    return target


app = Flask(__name__)


@app.get("/login")
def login():
    return redirect(safe_next(request.args.get("next")))
# --8<-- [end:check]

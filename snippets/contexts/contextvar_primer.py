"""ContextVar in plain words, with no Flask: set() returns a token, reset()
puts the old value back, and a new thread starts with the default."""

# --8<-- [start:primer]
import threading
from contextvars import ContextVar

current_user = ContextVar("current_user", default=None)


def primer():
    lines = []

    def show(label, value):
        lines.append(f"{label:20} -> {value}")

    show("at first", current_user.get())
    outer = current_user.set("ada")  # set() returns a token
    show("after set('ada')", current_user.get())
    inner = current_user.set("grace")
    show("after set('grace')", current_user.get())
    current_user.reset(inner)  # back to the value before that set()
    show("after reset(inner)", current_user.get())

    seen = []
    thread = threading.Thread(target=lambda: seen.append(current_user.get()))
    thread.start()
    thread.join()
    show("in a new thread", seen[0])  # a new thread starts empty

    current_user.reset(outer)
    show("after reset(outer)", current_user.get())
    return "\n".join(lines)
# --8<-- [end:primer]

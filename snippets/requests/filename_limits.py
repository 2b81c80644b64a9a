"""What secure_filename() does to names clients really send."""

from werkzeug.utils import secure_filename

# --8<-- [start:table]
NAMES = [
    "report.pdf",
    "../../etc/passwd",
    "My résumé (final).pdf",
    "文件.txt",
    "отчёт.csv",
    "..",
    "photo.JPG",
]


def table():
    return "\n".join(f"{name!r} -> {secure_filename(name)!r}" for name in NAMES)


# --8<-- [end:table]

"""The data layer both API versions share.

Only the representation differs per version.
"""

USERS = {1: ("Ada", "Lovelace"), 2: ("Grace", "Hopper")}


def get_user(user_id):
    return USERS.get(user_id)

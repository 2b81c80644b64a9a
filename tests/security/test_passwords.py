import inspect

from werkzeug.security import DEFAULT_PBKDF2_ITERATIONS, check_password_hash, generate_password_hash

from snippets.security import passwords


def test_default_method_is_scrypt_with_werkzeug_3_1_parameters():
    stored = generate_password_hash("hunter2")
    method, salt, digest = stored.split("$")
    assert method == "scrypt:32768:8:1" == passwords.CURRENT_METHOD
    assert len(salt) == 16 and len(digest) == 128
    assert salt.isascii() and salt.isalnum()  # letters and digits (3.2: token_urlsafe, 22 chars)
    assert "hunter2" not in stored


def test_demo_shows_salted_hashes():
    lines = passwords.demo().splitlines()
    assert lines[0].startswith("stored:      scrypt:32768:8:1$")
    assert lines[4:] == ["same password, second hash equal? False",
                         "check right: True", "check wrong: False"]


def test_verify_right_wrong_and_unknown_user():
    passwords.register("grace", "correct horse")
    assert passwords.verify("grace", "correct horse") is True
    assert passwords.verify("grace", "wrong horse") is False
    assert passwords.verify("nobody", "correct horse") is False


def test_an_unknown_user_costs_the_same_hash_as_a_wrong_password(monkeypatch):
    passwords.register("grace", "correct horse")
    checked = []

    def counting(stored, password):
        checked.append(stored.split("$")[0])
        return check_password_hash(stored, password)

    monkeypatch.setattr(passwords, "check_password_hash", counting)
    assert passwords.verify("grace", "guess") is False
    assert passwords.verify("nobody", "guess") is False
    assert checked == ["scrypt:32768:8:1", "scrypt:32768:8:1"]  # one scrypt run each


def test_old_pbkdf2_hash_is_upgraded_on_login():
    assert DEFAULT_PBKDF2_ITERATIONS == 1_000_000  # raised from 600,000 in Werkzeug 3.1.0
    # A hash from an older app (few iterations, to keep the test fast).
    passwords.USERS["linus"] = generate_password_hash("penguin", method="pbkdf2:sha256:1000")
    assert passwords.verify("linus", "penguin")
    assert passwords.USERS["linus"].startswith("scrypt:32768:8:1$")
    assert check_password_hash(passwords.USERS["linus"], "penguin")


def test_constant_time_comparisons():
    assert passwords.api_key_matches("k-123", "k-123")
    assert not passwords.api_key_matches("k-124", "k-123")
    assert not passwords.api_key_matches("k-12", "k-123")
    assert "hmac.compare_digest" in inspect.getsource(check_password_hash)

import jwt
import pytest

from snippets.security import jwt_pitfalls


def test_a_fresh_token_verifies():
    claims = jwt_pitfalls.verify(jwt_pitfalls.issue(42))
    assert claims["sub"] == "42" and claims["exp"] - claims["iat"] == 15 * 60


def test_alg_none_is_refused_when_algorithms_are_pinned():
    forged = jwt_pitfalls.forge_alg_none({"sub": "1", "iat": 0, "exp": 2**31})
    assert forged.endswith(".")  # no signature at all
    with pytest.raises(jwt.InvalidAlgorithmError, match="The specified alg value is not allowed"):
        jwt_pitfalls.verify(forged)


def test_decode_without_algorithms_is_an_error_in_pyjwt_2():
    with pytest.raises(jwt.DecodeError, match='pass in a value for the "algorithms" argument'):
        jwt.decode(jwt_pitfalls.issue(42), jwt_pitfalls.SIGNING_KEY)


def test_a_changed_payload_fails_the_signature():
    header, _, signature = jwt_pitfalls.issue(42).split(".")
    tampered = f"{header}.{jwt_pitfalls.b64({'sub': '1', 'iat': 0, 'exp': 2**31})}.{signature}"
    with pytest.raises(jwt.InvalidSignatureError):
        jwt_pitfalls.verify(tampered)


def test_demo_lines():
    lines = jwt_pitfalls.demo().splitlines()
    assert lines[0].endswith("accepted 42")
    assert "InvalidAlgorithmError" in lines[1]
    assert "ExpiredSignatureError" in lines[2]
    assert 'MissingRequiredClaimError: Token is missing the "exp" claim' in lines[3]
    assert lines[4].endswith("'42' is readable by anyone")


def test_short_hmac_keys_warn():
    with pytest.warns(jwt.warnings.InsecureKeyLengthWarning):
        jwt.encode({"sub": "1"}, "secret", algorithm="HS256")

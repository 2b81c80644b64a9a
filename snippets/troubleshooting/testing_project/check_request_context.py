from shop import app, discount_code


# --8<-- [start:broken]
def test_discount_code_is_upper_case():
    assert discount_code() == "SPRING"  # no request is active here
# --8<-- [end:broken]


# --8<-- [start:fixed]
def test_discount_code_in_a_test_request():
    with app.test_request_context("/?code=spring"):
        assert discount_code() == "SPRING"
# --8<-- [end:fixed]

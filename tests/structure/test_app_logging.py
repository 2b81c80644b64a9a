"""app.logger and default_handler, the order of configuration, and request ids in every line."""

import io
import logging

from flask import Flask
from flask.logging import default_handler

from snippets.structure import app_logging


def test_configured_first_flask_adds_no_handler_and_each_line_appears_once():
    handlers, lines = app_logging.one_line_or_two(configure_first=True)
    assert handlers == []
    assert lines == ["root handler | shop_True_False: stock is low",
                     "root handler | shop_True_False: stock is out"]


def test_used_first_the_logger_keeps_default_handler_and_later_lines_come_out_twice():
    handlers, lines = app_logging.one_line_or_two(configure_first=False)
    assert handlers == ["StreamHandler (default_handler)"]
    assert [line.split("] ")[-1] for line in lines if "stock is out" in line] == [
        "WARNING in app_logging: stock is out", "root handler | shop_False_False: stock is out"]


def test_removing_default_handler_ends_the_duplicates():
    handlers, lines = app_logging.one_line_or_two(configure_first=False, remove_default_handler=True)
    assert handlers == [] and sum("stock is out" in line for line in lines) == 1


def test_the_logger_is_named_after_the_app_not_flask_app():
    with app_logging.fresh_logging():
        stream = io.StringIO()
        old_style = logging.getLogger("flask.app")  # Flask 1.0's name: configuring it does nothing now
        old_style.addHandler(logging.StreamHandler(stream))
        app = Flask("shop_named")
        assert app.logger.name == "shop_named" and app.logger is not old_style
        app.logger.error("lost?")
        assert stream.getvalue() == ""
        assert default_handler in app.logger.handlers  # nothing configured: Flask added its own


def test_debug_sets_the_app_logger_to_debug_only_when_it_has_no_level():
    with app_logging.fresh_logging():
        app = Flask("shop_debug")
        app.debug = True
        assert app.logger.level == logging.DEBUG


def test_orders_for_the_page():
    text = app_logging.orders()
    assert text.count("root handler | shop_False_False: stock is out") == 1
    assert "[time] WARNING in app_logging: stock is low" in text


def test_the_request_id_comes_from_nginx_or_is_made_and_goes_back_in_the_response():
    given, forged, lines = app_logging.requests_with_ids()
    assert given.json == {"request_id": "nginx-7f3a9c21"}
    assert given.headers["X-Request-ID"] == "nginx-7f3a9c21"
    made = forged.headers["X-Request-ID"]
    assert len(made) == 32 and made != "- shop_ids: admin logged in"
    assert lines == ["nginx-7f3a9c21 shop_ids: checkout started", "nginx-7f3a9c21 payments: card charged",
                     f"{made} shop_ids: checkout started", f"{made} payments: card charged",
                     "- shop_ids: outside any request"]


def test_a_filter_on_the_app_logger_misses_other_loggers_records():
    _, _, lines = app_logging.requests_with_ids(filter_on="logger")
    assert lines[:2] == ["nginx-7f3a9c21 shop_ids: checkout started", "no-id payments: card charged"]


def test_walkthrough_for_the_page_and_logging_is_put_back():
    root_handlers = logging.root.handlers[:]
    text = app_logging.id_walkthrough()
    assert "    no-id payments: card charged" in text
    assert "    response X-Request-ID: nginx-7f3a9c21" in text
    assert logging.root.handlers == root_handlers

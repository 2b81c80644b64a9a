"""Built-in signals, custom signals, sender filtering and weak references."""

import gc

from flask import Flask, request_finished, request_started

from snippets.lifecycle import custom_signals, signal_receivers


def test_request_finished_receiver_counts_statuses():
    signal_receivers.status_counts.clear()
    client = signal_receivers.app.test_client()
    client.get("/")
    client.get("/missing")
    assert signal_receivers.status_counts == {200: 1, 404: 1}


def test_a_receiver_cannot_stop_the_request():
    response = signal_receivers.app.test_client().get("/")
    assert response.status_code == 200
    assert response.json == {"path": "/"}


def test_receivers_filtered_by_sender_ignore_other_apps():
    signal_receivers.status_counts.clear()
    other = Flask("other")
    other.add_url_rule("/", view_func=lambda: "other app")
    assert other.test_client().get("/").text == "other app"
    assert signal_receivers.status_counts == {}


def test_send_returns_what_each_receiver_returned():
    results = request_started.send(signal_receivers.app)
    assert (signal_receivers.try_to_block, "blocked") in results


def test_a_receiver_with_no_strong_reference_disappears():
    heard = []
    signal_receivers.listen(heard)
    gc.collect()
    signal_receivers.app.test_client().get("/")
    assert heard == []


def test_weak_false_keeps_the_receiver_until_disconnected():
    heard = []
    signal_receivers.listen(heard, weak=False)
    gc.collect()
    signal_receivers.app.test_client().get("/")
    assert heard == ["request_started"]
    kept = [receiver for receiver in request_started.receivers_for(signal_receivers.app)
            if receiver.__qualname__ == "listen.<locals>.receiver"]
    assert len(kept) == 1
    request_started.disconnect(kept[0], signal_receivers.app)
    signal_receivers.app.test_client().get("/")
    assert heard == ["request_started"]


def test_a_custom_signal_reaches_every_receiver():
    custom_signals.outbox.clear()
    custom_signals.stock.update(pen=10)
    response = custom_signals.app.test_client().post("/orders", json={"item": "pen"})
    assert response.status_code == 201
    assert response.json == {"id": 17, "item": "pen"}
    assert custom_signals.outbox == ["order 17 confirmed: pen"]
    assert custom_signals.stock["pen"] == 9


def test_tests_can_listen_to_a_signal_for_one_block():
    received = []

    def capture(sender, order, **extra):
        received.append((sender, order))

    client = custom_signals.app.test_client()
    with custom_signals.order_placed.connected_to(capture, custom_signals.app):
        assert client.post("/orders", json={"item": "ink"}).status_code == 201
    assert client.post("/orders", json={"item": "ink"}).status_code == 201
    assert received == [(custom_signals.app, {"id": 17, "item": "ink"})]


def test_sending_the_current_app_proxy_misses_receivers_filtered_by_app():
    from flask import current_app

    custom_signals.outbox.clear()
    with custom_signals.app.app_context():
        custom_signals.order_placed.send(current_app, order={"id": 1, "item": "pen"})
        assert custom_signals.outbox == []
        custom_signals.order_placed.send(current_app._get_current_object(),
                                         order={"id": 2, "item": "pen"})
    assert custom_signals.outbox == ["order 2 confirmed: pen"]


def test_a_receiver_without_a_sender_hears_every_app():
    heard = []

    def any_app(sender, response, **extra):
        heard.append(sender.name)

    other = Flask("other")
    other.add_url_rule("/", view_func=lambda: "other app")
    with request_finished.connected_to(any_app):
        other.test_client().get("/")
        signal_receivers.app.test_client().get("/")
    assert heard == ["other", signal_receivers.app.name]


def test_an_exception_in_a_receiver_fails_the_request():
    custom_signals.outbox.clear()
    response = custom_signals.app.test_client().post("/orders", json={"item": "cap"})
    assert response.status_code == 500  # reserve_stock raised KeyError: 'cap'
    assert custom_signals.outbox == ["order 17 confirmed: cap"]  # the receiver before it ran


def test_built_in_signals_accept_async_receivers():
    heard = []

    async def on_start(sender, **extra):
        heard.append("async receiver ran")

    app = Flask("async_receiver")
    app.add_url_rule("/", view_func=lambda: "ok")
    with request_started.connected_to(on_start, app):
        assert app.test_client().get("/").text == "ok"
    assert heard == ["async receiver ran"]

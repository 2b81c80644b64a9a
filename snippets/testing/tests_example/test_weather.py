"""The async view and the outbound HTTP call, with no network."""

import io
import json
from unittest import mock

from journal import weather


# --8<-- [start:mock-client]
def test_forecast_view_with_a_fake_weather_client(client, monkeypatch):
    def fake_fetch(city):
        return {"summary": f"Sunny in {city}", "max_c": 21, "wind": 3}
    monkeypatch.setattr(weather, "fetch_forecast", fake_fetch)

    # an async view: no special client needed
    response = client.get("/api/weather/Oslo")
    assert response.status_code == 200
    assert response.json == {
        "city": "Oslo", "summary": "Sunny in Oslo", "max_c": 21
    }
# --8<-- [end:mock-client]


# --8<-- [start:mock-urlopen]
def test_fetch_forecast_builds_the_url_and_parses_json(app):
    body = io.BytesIO(json.dumps({"summary": "Rain", "max_c": 9}).encode())
    with mock.patch("urllib.request.urlopen", return_value=body) as urlopen:
        with app.app_context():  # fetch_forecast reads current_app.config
            forecast = weather.fetch_forecast("São Paulo")
            assert forecast == {"summary": "Rain", "max_c": 9}
    urlopen.assert_called_once_with(
        "https://weather.example.com/v1/forecast?city=S%C3%A3o+Paulo",
        timeout=5,
    )
# --8<-- [end:mock-urlopen]


# --8<-- [start:unreachable]
def test_weather_service_down_is_a_json_503(client):
    # Nothing is mocked: the autouse no_network fixture makes the real call
    # fail fast.
    response = client.get("/api/weather/Oslo")
    assert response.status_code == 503
    assert response.json["error"] == "Weather unavailable"
    assert "network access in a test" in response.json["detail"]
# --8<-- [end:unreachable]

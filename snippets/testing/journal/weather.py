"""The outbound call: the one place that talks to the weather service."""

import json
import urllib.parse
import urllib.request

from flask import current_app


# --8<-- [start:client]
def fetch_forecast(city):
    query = urllib.parse.urlencode({"city": city})
    url = f"{current_app.config['WEATHER_URL']}?{query}"
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)
# --8<-- [end:client]

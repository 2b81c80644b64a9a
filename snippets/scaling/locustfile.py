"""What each simulated user does. Run by snippets/scaling/load_test.py, or by
hand:

    locust -f snippets/scaling/locustfile.py --headless -u 8 -r 8 -t 10s \
        -H http://127.0.0.1:8000
"""

from locust import HttpUser, constant, task


# --8<-- [start:user]
class Shopper(HttpUser):
    # no think time: each user is one request in flight, always
    wait_time = constant(0)

    @task
    def browse(self):
        self.client.get("/io")  # 50 ms of waiting, like a query
# --8<-- [end:user]

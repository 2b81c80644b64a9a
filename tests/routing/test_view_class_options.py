import threading

from snippets.routing.view_class_options import Greeting, create_app


def test_a_shared_instance_leaks_one_requests_data_into_the_next():
    client = create_app().test_client()
    assert client.get("/hello").get_json() == {"hello": "stranger"}
    assert client.get("/hello?name=ada").get_json() == {"hello": "ada"}
    assert client.get("/hello").get_json() == {"hello": "ada"}  # someone else's name


def test_the_same_instance_serves_every_thread():
    app = create_app()
    seen = []

    def call():
        with app.test_request_context("/hello"):
            seen.append(app.view_functions["hello"].view_class)
            app.view_functions["hello"]()

    threads = [threading.Thread(target=call) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert seen == [Greeting] * 4
    # as_view made exactly one instance, kept on the generated function's closure
    cells = [cell.cell_contents for cell in app.view_functions["hello"].__closure__]
    assert sum(isinstance(value, Greeting) for value in cells) == 1


def test_init_every_request_true_starts_clean_each_time():
    class Fresh(Greeting):
        init_every_request = True

    app = create_app()
    app.add_url_rule("/fresh", view_func=Fresh.as_view("fresh"))
    client = app.test_client()
    client.get("/fresh?name=ada")
    assert client.get("/fresh").get_json() == {"hello": "stranger"}


def test_the_last_decorator_in_the_list_runs_first():
    response = create_app().test_client().get("/report")
    assert response.get_json() == {"ran": ["listed second", "listed first"]}

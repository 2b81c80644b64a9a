"""MethodView: HTTP methods as CRUD on an in-memory store, errors as JSON."""

from flask import Flask, abort, current_app, request, url_for
from flask.views import MethodView
from werkzeug.exceptions import HTTPException


# --8<-- [start:store]
class TaskStore:
    """A dict with an id counter; a real app would use a database."""

    def __init__(self):
        self.tasks, self.next_id = {}, 1

    def add(self, title, done=False):
        task = {"id": self.next_id, "title": title, "done": done}
        self.tasks[self.next_id] = task
        self.next_id += 1
        return task
# --8<-- [end:store]


# --8<-- [start:validate]
def task_fields():
    """The JSON body as {'title': str, 'done': bool}, or a 400."""
    data = request.get_json()  # a non-JSON Content-Type is already a 415
    if not isinstance(data, dict):
        abort(400, description="The body must be a JSON object.")
    title, done = data.get("title"), data.get("done", False)
    if not isinstance(title, str) or not title.strip():
        abort(
            400,
            description="'title' is required and must be a non-empty string.",
        )
    if not isinstance(done, bool):
        abort(400, description="'done' must be true or false.")
    return {"title": title.strip(), "done": done}
# --8<-- [end:validate]


# --8<-- [start:views]
class TaskListAPI(MethodView):
    init_every_request = False

    def __init__(self, store):
        self.store = store

    def get(self):  # list
        return list(self.store.tasks.values())

    def post(self):  # create
        task = self.store.add(**task_fields())
        return task, 201, {"Location": url_for("task_item", task_id=task["id"])}


class TaskItemAPI(MethodView):
    init_every_request = False

    def __init__(self, store):
        self.store = store

    def _get_or_404(self, task_id):
        if task_id not in self.store.tasks:
            abort(404, description=f"No task with id {task_id}.")
        return self.store.tasks[task_id]

    def get(self, task_id):  # read
        return self._get_or_404(task_id)

    def put(self, task_id):  # replace
        task = self._get_or_404(task_id)
        task.update(task_fields())
        return task

    def delete(self, task_id):  # delete
        self._get_or_404(task_id)
        del self.store.tasks[task_id]
        return "", 204
# --8<-- [end:views]


# --8<-- [start:errors]
def json_error(error):
    """Any HTTPException (abort, 404, 405, 415...) as JSON, with its headers."""
    response = error.get_response()
    response.data = current_app.json.dumps(
        {"error": error.name, "detail": error.description}
    )
    response.content_type = "application/json"
    return response
# --8<-- [end:errors]


# --8<-- [start:app]
def create_app():
    app = Flask(__name__)
    store = TaskStore()
    store.add("write the routing chapter", done=True)
    store.add("test every snippet")
    task_list = TaskListAPI.as_view("task_list", store)
    app.add_url_rule("/tasks", view_func=task_list)
    task_item = TaskItemAPI.as_view("task_item", store)
    app.add_url_rule("/tasks/<int:task_id>", view_func=task_item)
    app.register_error_handler(HTTPException, json_error)
    return app
# --8<-- [end:app]

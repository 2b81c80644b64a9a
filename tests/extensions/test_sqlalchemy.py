"""Flask-SQLAlchemy 3.1 with SQLAlchemy 2.x: real SQLite files in tmp_path."""

import warnings

import pytest
from sqlalchemy import inspect
from werkzeug.exceptions import NotFound

from snippets.extensions import sqlalchemy_config as config
from snippets.extensions.sqlalchemy_models import Author, Book, create_app, create_demo_app, db, seed


@pytest.fixture
def app(tmp_path):
    app = create_app(f"sqlite:///{tmp_path / 'books.db'}")
    with app.app_context():
        seed()
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def test_the_database_is_a_real_file(app, tmp_path):
    assert (tmp_path / "books.db").is_file()
    with app.app_context():
        assert set(inspect(db.engine).get_table_names()) == {"author", "book"}


def test_db_model_is_built_from_your_base_not_derived_from_it():
    from snippets.extensions.sqlalchemy_models import Base

    assert not issubclass(db.Model, Base) and not isinstance(Book(title="x"), Base)
    assert isinstance(Book(title="x"), db.Model)
    assert db.Model.metadata is Base.metadata is db.metadata
    assert db.Model.registry is Base.registry


def test_paginate_reads_page_and_per_page_from_the_query_string(client):
    response = client.get("/books", query_string={"page": 2, "per_page": 3})
    assert response.status_code == 200
    assert response.json == {"books": ["Notes 4", "Compilers", "COBOL"], "page": 2, "pages": 3, "total": 7}


def test_paginate_caps_per_page(app):
    with app.test_request_context("/books?per_page=1000"):
        page = db.paginate(db.select(Book), max_per_page=50)
        assert page.per_page == 50


@pytest.mark.parametrize("query", ["page=x", "page=0", "page=9", "per_page=-1"])
def test_paginate_answers_bad_or_out_of_range_pages_with_404(app, query):
    with app.test_request_context(f"/books?{query}"):
        with pytest.raises(NotFound):
            db.paginate(db.select(Book))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("page=two", "page must be a whole number from 1 up, not 'two'."),
        ("page=0", "page must be a whole number from 1 up, not '0'."),
        ("per_page=-1", "per_page must be a whole number from 1 up, not '-1'."),
    ],
)
def test_the_view_says_what_is_wrong_with_a_bad_page(client, query, message):
    response = client.get(f"/books?{query}")
    assert response.status_code == 400
    assert response.json == {"error": message}


def test_a_page_past_the_end_is_404(client):
    assert client.get("/books?page=9").status_code == 404


def test_get_or_404_returns_the_row_or_a_404_with_our_description(client):
    assert client.get("/books/5").json == {"title": "Compilers", "author": "Grace"}
    missing = client.get("/books/99")
    assert missing.status_code == 404
    assert missing.json == {"error": "No book with id 99."}


def test_select_scalars_returns_model_objects(client):
    assert client.get("/authors?q=a").json == {"authors": ["Ada", "Grace"]}
    assert client.get("/authors").json == {"authors": ["Ada", "Grace", "Linus"]}


def test_back_populates_keeps_both_sides_in_step(app, client):
    assert client.get("/authors/2/books").json == {"author": "Grace", "books": ["Compilers", "COBOL"]}
    assert client.get("/authors/42/books").status_code == 404
    with app.app_context():
        linus = db.session.get(Author, 3)
        assert [b.title for b in linus.books] == ["Kernels"]
        book = Book(title="Git", author=linus)  # set one side...
        assert [b.title for b in linus.books] == ["Kernels", "Git"]  # ...the other follows, unflushed
        db.session.add(book)
        db.session.commit()
    assert client.get("/authors/3/books").json["books"] == ["Kernels", "Git"]


def test_creating_a_book_returns_201_and_its_location(client):
    response = client.post("/books", json={"title": "  Kernels 2 ", "author_id": 3})
    assert response.status_code == 201
    assert response.headers["Location"] == f"/books/{response.json['id']}"
    assert client.get(response.headers["Location"]).json == {"title": "Kernels 2", "author": "Linus"}


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"title": "", "author_id": 1}, {"title": "Required, 1 to 200 characters."}),
        ({"title": "x" * 201, "author_id": 1}, {"title": "Required, 1 to 200 characters."}),
        ({"title": "Ok", "author_id": "1"}, {"author_id": "Required, an integer."}),
        ({"title": "Ok", "author_id": True}, {"author_id": "Required, an integer."}),
        ({"title": "Ok", "author_id": 99}, {"author_id": "No author with id 99."}),
    ],
)
def test_bad_books_get_422_with_every_error_named(client, body, errors):
    response = client.post("/books", json=body)
    assert response.status_code == 422
    assert response.json == {"errors": errors}
    assert client.get("/books").json["total"] == 7  # nothing was written


def test_a_body_that_is_not_a_json_object_gets_400(client):
    response = client.post("/books", json=["title"])
    assert response.status_code == 400
    assert response.json == {"error": "Send a JSON object."}


def test_the_demo_app_uses_an_in_memory_database_that_survives_requests():
    client = create_demo_app().test_client()
    assert client.post("/books", json={"title": "New", "author_id": 1}).status_code == 201
    assert client.get("/books").json["total"] == 8


# --- configuration facts (audit items 13, 23, 36) ---

def test_create_all_outside_an_app_context_raises(tmp_path):
    with pytest.raises(RuntimeError, match="Working outside of application context"):
        config.create_all_without_a_context(tmp_path)
    assert config.create_all_with_a_context(tmp_path) == ["item"]


def test_a_relative_sqlite_path_lands_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert str(config.where_does_sqlite_go(tmp_path)) == "instance/shop.db"
    assert (tmp_path / "instance" / "shop.db").is_file()
    assert not (tmp_path / "shop.db").exists()


def test_old_pool_keys_are_ignored_silently_and_engine_options_work(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "silently": not even a warning
        sizes = config.pool_sizes(tmp_path)
    assert sizes == {"SQLALCHEMY_POOL_SIZE=20": 5, "ENGINE_OPTIONS pool_size=20": 20}


def test_engine_options_reach_the_engine(tmp_path):
    app = config.make_app(
        tmp_path,
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'p.db'}",
        SQLALCHEMY_ENGINE_OPTIONS={"pool_recycle": 1800, "pool_pre_ping": True},
    )
    with app.app_context():
        assert config.db.engine.pool._recycle == 1800
        assert config.db.engine.pool._pre_ping is True


def test_track_modifications_defaults_to_false(tmp_path):
    assert config.track_modifications_default(tmp_path) is False


def test_init_app_twice_on_one_app_is_refused(tmp_path):
    app = config.make_app(tmp_path, SQLALCHEMY_DATABASE_URI="sqlite://")
    with pytest.raises(RuntimeError, match="already been registered on this Flask app"):
        config.db.init_app(app)


def test_no_database_uri_is_a_clear_error(tmp_path):
    with pytest.raises(RuntimeError, match="Either 'SQLALCHEMY_DATABASE_URI' or 'SQLALCHEMY_BINDS' must be set"):
        config.make_app(tmp_path)


def test_the_report_on_the_page():
    lines = config.report().splitlines()
    assert lines == [
        "create_all() outside a context -> RuntimeError: Working outside of application context.",
        "create_all() inside one        -> tables ['item']",
        "sqlite:///shop.db is stored at -> instance/shop.db",
        "pool size with the old key     -> 5",
        "pool size with ENGINE_OPTIONS  -> 20",
        "SQLALCHEMY_TRACK_MODIFICATIONS -> False",
    ]


def test_the_legacy_query_get_warns(app):
    from sqlalchemy.exc import LegacyAPIWarning

    with app.app_context():
        assert Book.query.filter_by(title="Kernels").one().id == 7  # legacy, still works
        with pytest.warns(LegacyAPIWarning, match=r"Query.get\(\) method is considered legacy"):
            Book.query.get(7)
        assert db.session.get(Book, 7).title == "Kernels"  # the replacement


def test_sqlite_does_not_enforce_foreign_keys_by_default(app):
    with app.app_context():
        db.session.add(Book(title="Orphan", author_id=99))
        db.session.commit()  # no IntegrityError: the row points at nothing
        assert db.session.execute(db.select(Book).where(Book.author_id == 99)).scalar_one().title == "Orphan"


def test_the_session_is_removed_at_teardown_and_the_pool_has_sqlalchemy_defaults(app):
    assert db._teardown_session in app.teardown_appcontext_funcs
    with app.app_context():
        session = db.session()
        assert db.engine.pool.size() == 5 and db.engine.pool._max_overflow == 10
    with app.app_context():
        assert db.session() is not session  # a new session for the next context


def test_one_db_object_keeps_one_engine_per_app(tmp_path):
    shop = config.make_app(tmp_path, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'shop.db'}")
    blog = config.make_app(tmp_path, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'blog.db'}")
    with shop.app_context():
        shop_engine = config.db.engine
    with blog.app_context():
        assert config.db.engine is not shop_engine
        assert config.db.engine.url.database.endswith("blog.db")


def test_engine_options_get_only_a_few_driver_defaults(tmp_path):
    import sqlalchemy as sa

    app = config.make_app(tmp_path, SQLALCHEMY_DATABASE_URI="sqlite://")
    mysql = {"url": "mysql://shop@db.internal/shop", "pool_size": 20}
    config.db._apply_driver_defaults(mysql, app)  # internal, but no MySQL driver is needed to call it
    assert mysql["pool_size"] == 20 and mysql["pool_recycle"] == 7200
    assert sa.make_url(mysql["url"]).query == {"charset": "utf8mb4"}
    postgres = {"url": "postgresql://shop@db.internal/shop", "pool_size": 20}
    config.db._apply_driver_defaults(postgres, app)
    assert postgres == {"url": "postgresql://shop@db.internal/shop", "pool_size": 20}  # untouched

"""Defaults per environment. No secrets here: they come from the instance folder
or the environment.
"""


# --8<-- [start:classes]
class Config:
    SHOP_NAME = "Field Shop"
    # relative: lands in the instance folder
    SQLALCHEMY_DATABASE_URI = "sqlite:///shop.db"
    PRODUCTS_PER_PAGE = 20


class DevelopmentConfig(Config):
    SECRET_KEY = "dev"  # fine on a laptop; ProductionConfig has none on purpose


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "test"
    SQLALCHEMY_DATABASE_URI = "sqlite://"  # in memory


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True


BY_NAME = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
# --8<-- [end:classes]

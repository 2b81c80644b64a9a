"""MkDocs hook: the theme's templates compiled once per process, not again on every `serve` rebuild.

MkDocs makes a new Jinja environment for each build, so under `serve` every save compiled
Material's 47 templates again: a third of the time a page edit took to show. Jinja can keep
compiled templates in a bytecode cache, keyed by the template's name and file and checked
against its source, so an edited template is compiled again. Compiled code also depends on the
environment (its delimiters, autoescaping, extensions, and which filters and tests take the
context), so that goes into the key too: a rebuild after an edit to mkdocs.yml that changes any
of it compiles afresh. This cache is a dict in memory, for the life of the process (MkDocs
loads a hook once per process). A clean build compiles each template once either way.
"""

import hashlib

import jinja2
from mkdocs.plugins import event_priority


def settings(env):
    """What, besides a template's source, its compiled code depends on."""
    def passes(table):
        return sorted((name, str(getattr(f, "jinja_pass_arg", None))) for name, f in table.items())

    return repr((
        env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
        env.newline_sequence, env.keep_trailing_newline, env.optimized, env.is_async,
        getattr(env.autoescape, "__qualname__", env.autoescape),
        getattr(env.finalize, "__qualname__", env.finalize),
        sorted(env.extensions), passes(env.filters), passes(env.tests),
    ))


class InMemory(jinja2.BytecodeCache):
    def __init__(self):
        self.compiled = {}  # bucket key -> marshalled code

    def get_bucket(self, environment, name, filename, source):
        key = self.get_cache_key(name, filename) + hashlib.sha1(settings(environment).encode()).hexdigest()
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])  # resets itself if stale

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self):
        self.compiled.clear()


CACHE = InMemory()


@event_priority(101)  # before Material's tags plugin (100) renders its listing templates
def on_env(env, config, files):
    env.bytecode_cache = CACHE
    return env

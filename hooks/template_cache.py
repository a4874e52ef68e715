"""Compile each theme template once per process, not once per build.

mkdocs-static-i18n builds every language as a whole MkDocs build, and each
build's Jinja environment compiles Material's templates anew: about half of
the build time. All environments share one in-memory bytecode cache; Jinja
checks each template's source checksum, so an edited template recompiles.
"""

from jinja2 import BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


CACHE = MemoryBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = CACHE
    return env


def theme_env(config):
    """The theme's Jinja environment, for hooks that render our partials."""
    env = config.theme.get_env()
    env.bytecode_cache = CACHE
    return env

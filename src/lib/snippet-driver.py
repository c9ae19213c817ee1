"""Runs one snippet in a long-lived Pyodide interpreter as if it were a fresh `python3 snippet.py`,
then undoes what the snippet changed, so the next snippet starts from the same state.

Loaded once by src/lib/pyodide-child.ts; `run(code, n)` is called once per snippet. A fresh
process is too slow under WebAssembly (seconds to load), so instead of a new process every
snippet gets: a new `__main__` module, its own empty working directory (also `sys.path[0]`,
`HOME` and `sys.argv[0]`), stdin at end of file and a fresh contextvars context. Afterwards, as
a process exit would: atexit callbacks, logging handlers flushed, `__main__` cleared (running
`__del__`), streams flushed. Then the interpreter is put back: modules the snippet imported or
defined are dropped from `sys.modules`, module globals and class attributes it rebound (in `sys`,
`builtins` and every other module loaded at start) are restored, and process-wide settings (cwd, environment, umask,
warnings filters, gc, recursion limit, tracing, locale, socket timeout, signal handlers, asyncio
loop, logging configuration) are set back.
"""

import _locale
import asyncio
import atexit
import builtins
import contextvars
import gc
import io
import linecache
import logging
import os
import random
import signal
import socket
import sys
import time
import types
import warnings
import weakref

# Pyodide's own modules keep lazily built state the runtime relies on: never rewind them.
_RUNTIME_PREFIXES = ("pyodide", "_pyodide", "pyodide_js", "js")


def _is_runtime(name):
    return name.split(".")[0] in _RUNTIME_PREFIXES


def _signals():
    result = {}
    for sig in signal.valid_signals():
        try:
            result[sig] = signal.getsignal(sig)
        except (OSError, ValueError):
            pass
    return result


# Exit handlers registered while Pyodide started would otherwise run after the first snippet.
atexit._clear()
weakref.finalize._registered_with_atexit = False

_MISSING = object()
_BASE_MODULES = dict(sys.modules)
_BASE_GLOBALS = {
    name: dict(vars(module))
    for name, module in _BASE_MODULES.items()
    if isinstance(module, types.ModuleType) and not _is_runtime(name) and name != "__main__"
}
# Classes of those modules, with their attributes: class-level state such as
# weakref.finalize._shutdown (set by the exit handlers a snippet's "exit" runs) lives there.
_BASE_CLASSES = {
    cls: dict(vars(cls))
    for name, saved in _BASE_GLOBALS.items()
    for cls in saved.values()
    if isinstance(cls, type) and getattr(cls, "__module__", None) == name
}
_BASE_LISTS = {
    "path": list(sys.path),
    "meta_path": list(sys.meta_path),
    "path_hooks": list(sys.path_hooks),
    "warnoptions": list(sys.warnoptions),
    "argv": list(sys.argv),
}
_BASE_IMPORTER_CACHE = set(sys.path_importer_cache)
_BASE_CWD = os.getcwd()
_BASE_ENV = dict(os.environ)
_BASE_UMASK = os.umask(0o022)
os.umask(_BASE_UMASK)
_BASE_GC = (gc.isenabled(), gc.get_threshold(), gc.get_debug(), list(gc.callbacks))
_BASE_RECURSION = sys.getrecursionlimit()
_BASE_INT_DIGITS = sys.get_int_max_str_digits()
_BASE_SWITCH = sys.getswitchinterval()
_BASE_ASYNCGEN = sys.get_asyncgen_hooks()
_BASE_LOCALE = _locale.setlocale(_locale.LC_ALL, None)
_BASE_SOCKET_TIMEOUT = socket.getdefaulttimeout()
_BASE_SIGNALS = _signals()
_BASE_LOOP = asyncio.get_event_loop()
_BASE_LOGGING = {
    "loggers": dict(logging.Logger.manager.loggerDict),
    "logger_state": {
        logger: (list(logger.handlers), list(logger.filters), logger.level, logger.propagate, logger.disabled)
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    },
    "root": (list(logging.root.handlers), logging.root.level, list(logging.root.filters)),
    "disable": logging.root.manager.disable,
    "handler_refs": len(logging._handlerList),
    "level_names": (dict(logging._levelToName), dict(logging._nameToLevel)),
    "logger_class": logging.getLoggerClass(),
    "record_factory": logging.getLogRecordFactory(),
}


def _exception_exit(exc):
    """What an uncaught exception does to a process: the traceback (or SystemExit's message) and the exit code."""
    if isinstance(exc, SystemExit):
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    tb = exc.__traceback__
    # Drop the frames of this driver, so the traceback starts at the snippet's <module>.
    while tb is not None and tb.tb_frame.f_globals is globals():
        tb = tb.tb_next
    try:
        sys.excepthook(type(exc), exc, tb)
    except BaseException:
        sys.__excepthook__(type(exc), exc, tb)
    return 1


def _clear_main(namespace):
    """Clears `__main__` the way interpreter shutdown does, so objects' `__del__` runs now."""
    for name in [n for n in namespace if n.startswith("_") and not n.startswith("__")]:
        namespace[name] = None
    for name in [n for n in namespace if n != "__builtins__"]:
        namespace[name] = None
    namespace.clear()


def _finish(namespace):
    """What happens when a process exits after the snippet."""
    try:
        atexit._run_exitfuncs()
    finally:
        atexit._clear()
    new_handlers = logging._handlerList[_BASE_LOGGING["handler_refs"] :]
    logging.shutdown(new_handlers)
    del logging._handlerList[_BASE_LOGGING["handler_refs"] :]
    _clear_main(namespace)
    gc.collect()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def _remove_tree(path):
    for root, dirs, files in os.walk(path, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            full = os.path.join(root, name)
            (os.remove if os.path.islink(full) else os.rmdir)(full)
    os.rmdir(path)


def _restore_logging():
    base = _BASE_LOGGING
    manager = logging.Logger.manager
    for name in [n for n in manager.loggerDict if n not in base["loggers"]]:
        del manager.loggerDict[name]
    for logger, (handlers, filters, level, propagate, disabled) in base["logger_state"].items():
        logger.handlers[:] = handlers
        logger.filters[:] = filters
        logger.level, logger.propagate, logger.disabled = level, propagate, disabled
    handlers, level, filters = base["root"]
    logging.root.handlers[:] = handlers
    logging.root.filters[:] = filters
    logging.root.setLevel(level)
    manager.disable = base["disable"]
    logging._levelToName.clear()
    logging._levelToName.update(base["level_names"][0])
    logging._nameToLevel.clear()
    logging._nameToLevel.update(base["level_names"][1])
    logging.setLoggerClass(base["logger_class"])
    logging.setLogRecordFactory(base["record_factory"])
    manager._clear_cache()


def _unchanged(namespace, saved):
    """True when a module's globals are still the saved ones (a fast check in C for the usual case)."""
    try:
        # Dict equality compares values by identity first, so this calls no __eq__ when nothing changed.
        return len(namespace) == len(saved) and namespace == saved
    except Exception:
        return False


def _restore_class(cls, saved):
    for key in [k for k in vars(cls) if k not in saved]:
        try:
            delattr(cls, key)
        except (AttributeError, TypeError):
            pass
    for key, value in saved.items():
        if vars(cls).get(key, _MISSING) is not value:
            try:
                setattr(cls, key, value)
            except (AttributeError, TypeError):
                pass


def _restore():
    """Puts the interpreter back the way it was before the first snippet."""
    os.chdir(_BASE_CWD)
    for name in [n for n in sys.modules if n not in _BASE_MODULES]:
        del sys.modules[name]
    for name, module in _BASE_MODULES.items():
        if sys.modules.get(name) is not module:
            sys.modules[name] = module
    for name, saved in _BASE_GLOBALS.items():
        namespace = vars(_BASE_MODULES[name])
        if _unchanged(namespace, saved):
            continue
        for key in [k for k in namespace if k not in saved]:
            del namespace[key]
        for key, value in saved.items():
            if namespace.get(key, _MISSING) is not value:
                namespace[key] = value
    for cls, saved in _BASE_CLASSES.items():
        if not _unchanged(vars(cls), saved):
            _restore_class(cls, saved)
    for name, saved in _BASE_LISTS.items():
        getattr(sys, name)[:] = saved
    for path in [p for p in sys.path_importer_cache if p not in _BASE_IMPORTER_CACHE]:
        del sys.path_importer_cache[path]
    os.environ.clear()
    os.environ.update(_BASE_ENV)
    if hasattr(time, "tzset"):
        time.tzset()
    os.umask(_BASE_UMASK)
    enabled, threshold, debug, callbacks = _BASE_GC
    (gc.enable if enabled else gc.disable)()
    gc.set_threshold(*threshold)
    gc.set_debug(debug)
    gc.callbacks[:] = callbacks
    gc.unfreeze()
    sys.settrace(None)
    sys.setprofile(None)
    for tool in range(6):
        if sys.monitoring.get_tool(tool) is not None:
            sys.monitoring.free_tool_id(tool)
    sys.setrecursionlimit(_BASE_RECURSION)
    sys.set_int_max_str_digits(_BASE_INT_DIGITS)
    sys.setswitchinterval(_BASE_SWITCH)
    sys.set_asyncgen_hooks(firstiter=_BASE_ASYNCGEN.firstiter, finalizer=_BASE_ASYNCGEN.finalizer)
    _locale.setlocale(_locale.LC_ALL, _BASE_LOCALE)
    socket.setdefaulttimeout(_BASE_SOCKET_TIMEOUT)
    for sig, handler in _BASE_SIGNALS.items():
        if signal.getsignal(sig) is not handler:
            signal.signal(sig, handler)
    asyncio.set_event_loop(_BASE_LOOP)
    _restore_logging()
    random.seed()
    getattr(warnings, "_onceregistry", {}).clear()
    linecache.clearcache()


def _stdin():
    return io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")


def _execute(code, path, namespace):
    try:
        exec(compile(code, path, "exec", dont_inherit=True), namespace)
        status = 0
    except BaseException as exc:
        status = _exception_exit(exc)
    try:
        _finish(namespace)
    except BaseException as exc:
        _exception_exit(exc)
    return status


def run(code, n):
    """Runs one snippet; returns its exit code. Its output goes to the process's stdout and stderr."""
    folder = f"/tmp/recall-snippet-{n}"
    os.makedirs(folder)
    path = os.path.join(folder, "snippet.py")
    with open(path, "w", encoding="utf-8") as file:
        file.write(code)
    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    sys.argv[:] = [path]
    sys.path[0:1] = [folder]
    sys.stdin = _stdin()
    os.environ["HOME"] = folder
    os.chdir(folder)
    try:
        with warnings.catch_warnings():
            status = contextvars.Context().run(_execute, code, path, vars(main))
    finally:
        tracing = sys.modules.get("tracemalloc")
        if tracing is not None and tracing.is_tracing():
            tracing.stop()
        handler = sys.modules.get("faulthandler")
        if handler is not None and handler.is_enabled():
            handler.disable()
        _restore()
        _remove_tree(folder)
        sys.__stdout__.flush()
        sys.__stderr__.flush()
    return status

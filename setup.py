"""The compiled path search (graph/_path_kernel.pyx); everything else is in pyproject.toml.

The extension is optional: where it cannot be built (no C++ compiler),
chipgraph installs without it and searches paths in Python and numpy, with
the same answers, some ten times slower (graph/path_search.py).
"""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [Extension("chipgraph.graph._path_kernel", ["graph/_path_kernel.pyx"], language="c++",
                   extra_compile_args=["-O2"], optional=True)],
        compiler_directives={"language_level": 3},
    ),
)

"""Finding, reading, checking and caching the data files; the Catalogue that holds them.

folders.py  where role files are (built-in, CAREERS_DATA_DIR, --data-dir) and a scan of them
yamlfile.py reading one YAML file safely; shapes.py and check.py the shape each file must have
files.py    a file read into its checked shape; build.py domain records built from shapes
links.py    checks between files; store.py and cached.py the caches and when they are used
catalogue.py the Catalogue, which ties these together for the commands
"""

from careers_cli.catalogue.catalogue import Catalogue
from careers_cli.catalogue.folders import builtin_data_dir, env_role_dirs, is_builtin, is_slug

__all__ = ["Catalogue", "builtin_data_dir", "env_role_dirs", "is_builtin", "is_slug"]

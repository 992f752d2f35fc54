"""``kit hub``: one JupyterHub for a county, one account and one drafting app per school.

The pieces, each in its module:

* :mod:`kit.hub.home`       the hub's folder: accounts, one folder per school, the shared packs, backups
* :mod:`kit.hub.accounts`   school accounts in a password file (scrypt hashes), made by the administrator
* :mod:`kit.hub.auth`       the JupyterHub authenticator reading that file
* :mod:`kit.hub.spawner`    starts a school's server as a local process, with its folders and a memory limit
* :mod:`kit.hub.limits`     the memory limit: a cgroup when the machine lets us make one, else an rlimit
* :mod:`kit.hub.singleuser` a school's server: the Voilà app and its start page, nothing else
* :mod:`kit.hub.culler`     jupyterhub-idle-culler as the hub's service (stops when the hub stops it)
* :mod:`kit.hub.config`     the JupyterHub configuration (``jupyterhub_config.py`` only calls it)
* :mod:`kit.hub.cli`        ``kit hub start``, ``kit hub school …``, ``kit hub pack install``, ``kit hub backup``

Isolation between schools rests on the single-user server serving nothing but
the app: no contents API, no terminals, no JupyterLab, files only from the
school's own folder, and kernel websockets that pass only the messages a
widget page needs (no ``execute_request``), so no school can run code of its
own. Every school's server runs as the hub's operating-system user; see
:mod:`kit.hub.singleuser` for why.
"""

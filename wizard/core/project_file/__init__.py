"""The project file (``.tender``): the SQLite store, the checks made before a file is
opened, the lock, atomic writes, the value codec, the JSON dump and the migrations."""

"""The documents built from the model: blocks (the intermediate form), the tender, the
decision record, the TCO chart, the HTML preview and the DOCX writer (``docx/``)."""

"""The web: blueprints for the API, pages, embeds, oEmbed and share pages."""

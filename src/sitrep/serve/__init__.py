"""The local web app: pages and their JSON twins over one store."""

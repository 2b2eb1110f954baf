"""Qt item models over the service API: the thesis list, a thesis's parts, and Upcoming."""

package safewrite

func inUse(err error) bool { return windowsInUse(err) }

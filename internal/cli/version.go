package cli

import (
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is stamped by the release build (-ldflags "-X .../internal/cli.version=v1.2.3").
var version = ""

// currentVersion is the stamped version, else the module's, else "dev".
func currentVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// addVersionFlag makes cpp --version answer as cpp version does. The flag is added now, not at
// Execute, so that completion and the README test see it.
func addVersionFlag(root *cobra.Command) {
	root.Version = currentVersion()
	root.SetVersionTemplate("cpp {{.Version}}\n")
	root.InitDefaultVersionFlag()
	root.Flags().Lookup("version").Usage = "print cpp's version, as cpp version does"
}

// Command etcd is the etcd server at the version go.mod pins (the one Kubernetes pins for its release).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }

from orchid.cli import main

raise SystemExit(main())

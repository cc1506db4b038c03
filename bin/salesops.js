#!/usr/bin/env node
import { main } from '../dist/app/main.js'

process.exitCode = await main(process.argv)
